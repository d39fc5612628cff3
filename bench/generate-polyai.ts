/**
 * Generates a large, valid PolyAI ADK project for benchmarks, laid out as `poly pull` writes
 * one: project.yaml, agent settings, config/ (entities, handoffs, variants, translations in two
 * languages, SMS templates), `topics` topics, `flows` flows of `steps` steps each (default and
 * advanced steps with conditions, a function step and transition functions per flow), global
 * functions, a test suite and _gen/. Defaults: 200 topics, 50 flows × 20 steps.
 *
 *   node --import tsx bench/generate-polyai.ts <out-dir> [--topics 200] [--flows 50] [--steps 20]
 *
 * Library use: `generateLargePolyProject(options)` returns the files (path → text).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface LargePolyOptions {
  topics?: number;
  flows?: number;
  steps?: number;
}

const HEADER = 'from _gen import *  # <AUTO GENERATED>\n\n\n';

export function generateLargePolyProject(options: LargePolyOptions = {}): Map<string, string> {
  const topics = options.topics ?? 200;
  const flows = options.flows ?? 50;
  const steps = Math.max(3, options.steps ?? 20);
  const out = new Map<string, string>();
  out.set('project.yaml', 'project_id: PROJECT-BENCH001\naccount_id: bench\nregion: euw-1\nproject_name: Benchmark Agent\n');
  out.set('agent_settings/languages.yaml', 'default_language: en-GB\nadditional_languages:\n- fr-FR\n');
  out.set('agent_settings/personality.yaml', 'adjectives:\n  Calm: true\n  Polite: true\ncustom: \'\'\n');
  out.set('agent_settings/rules.txt', 'Be brief. When the caller asks for a person, call {{fn:transfer}}. Close with {{tn:closing}}.\n');
  out.set('config/entities.yaml', `entities:\n${Array.from({ length: 30 }, (_, i) => `- name: entity_${i}\n  description: Entity ${i}.\n  entity_type: free_text\n  config: {}\n`).join('')}`);
  out.set('config/handoffs.yaml', 'handoffs:\n- name: desk\n  description: The desk.\n  is_default: true\n  sip_config:\n    method: refer\n    phone_number: \'+441632960001\'\n  sip_headers: []\n');
  out.set('config/translations.yaml', `translations:\n${Array.from({ length: 40 }, (_, i) => `- name: ${i === 0 ? 'closing' : `phrase_${i}`}\n  translations:\n    en-GB: Phrase ${i}.\n    fr-FR: Phrase ${i} en français.\n`).join('')}`);
  out.set('config/variant_attributes.yaml', 'variants:\n- name: main\n  is_default: true\n- name: second\n  is_default: false\nattributes:\n- name: site\n  values:\n    main: Main site\n    second: Second site\n');
  out.set('config/sms_templates.yaml', "sms_templates:\n- name: confirmation\n  text: 'Done: {{tn:closing}}'\n  env_phone_numbers:\n    sandbox: '+441632960100'\n    pre_release: '+441632960101'\n    live: '+441632960102'\n");
  out.set('functions/start_function.py', `${HEADER}def start_function(conv: Conversation):\n    conv.state.started = True\n`);
  out.set('functions/transfer.py', `${HEADER}@func_description("Transfers the caller to the desk.")\n@func_parameter("reason", "Why.")\ndef transfer(conv: Conversation, reason: str):\n    conv.state.reason = reason\n    return {"handoff": "desk"}\n`);
  for (let f = 0; f < flows; f++) {
    const folder = `flow_${f}`;
    const name = `Flow ${f}`;
    out.set(`functions/start_flow_${f}.py`, `${HEADER}@func_description("Starts flow ${f}.")\ndef start_flow_${f}(conv: Conversation):\n    conv.goto_flow("${name}")\n`);
    out.set(`flows/${folder}/flow_config.yaml`, `name: ${name}\ndescription: Generated flow ${f}.\nstart_step: Step 0\n`);
    for (let s = 0; s < steps - 1; s++) {
      const next = s === steps - 2 ? `check_${f}` : `Step ${s + 1}`;
      const advanced = s % 4 === 3;
      out.set(
        `flows/${folder}/steps/step_${s}.yaml`,
        `step_type: ${advanced ? 'advanced_step' : 'default_step'}\nname: Step ${s}\n` +
          (advanced ? '' : `conditions:\n- name: go_${s}\n  condition_type: step_condition\n  description: Move on.\n  child_step: ${next}\n  required_entities:\n  - entity_${s % 30}\nextracted_entities:\n- entity_${s % 30}\n`) +
          `prompt: |-\n  Ask the caller about step ${s} of flow ${f}. Known so far: {{entity:entity_${s % 30}}}. Site: {{attr:site}}.\n` +
          (advanced ? `  When done, call {{ft:advance_${f}}}.\n` : ''),
      );
    }
    out.set(`flows/${folder}/function_steps/check_${f}.py`, `${HEADER}def check_${f}(conv: Conversation, flow: Flow):\n    conv.state.checked_${f} = True\n    flow.goto_step("Step 0")\n`);
    out.set(`flows/${folder}/functions/advance_${f}.py`, `${HEADER}@func_description("Moves flow ${f} on.")\n@func_parameter("answer", "The caller's answer.")\ndef advance_${f}(conv: Conversation, flow: Flow, answer: str):\n    conv.state.answer_${f} = answer\n${Array.from({ length: steps - 1 }, (_, s) => (s % 4 === 3 ? `    if answer == "${s}":\n        flow.goto_step("Step ${s + 1 < steps - 1 ? s + 1 : 0}")\n` : '')).join('')}`);
  }
  for (let t = 0; t < topics; t++) {
    out.set(`topics/topic_${t}.yaml`, `name: Topic ${t}\nenabled: true\nactions: If the caller wants it, call {{fn:start_flow_${t % flows}}}.\ncontent: |-\n  What the agent knows about topic ${t}.\n  Site: {{attr:site}}.\nexample_queries:\n${Array.from({ length: 8 }, (_, q) => `- question ${q} about topic ${t}\n`).join('')}`);
  }
  for (let t = 0; t < 20; t++) {
    out.set(`test_suite/test_${t}.yaml`, `name: Test ${t}\nscenario: Ask about topic ${t}.\nchannel: voice\nlanguage: ${t % 2 ? 'fr-FR' : 'en-GB'}\nvariant: main\ntags:\n- bench\nprompt_assertions:\n- The agent answers.\nfunction_call_assertions:\n- name: transfer\n  arguments:\n  - parameter_name: reason\n    expected_value: help\n    value_type: string\n`);
  }
  out.set('_gen/__init__.py', '# generated\n');
  out.set('_gen/.agent_studio_config', 'eyJsYXN0X3VwZGF0ZWQiOiAiMjAyNi0wMS0wMSJ9\n');
  return out;
}

export function writeLargePolyProject(dir: string, options: LargePolyOptions = {}): { files: number; bytes: number } {
  let bytes = 0;
  const files = generateLargePolyProject(options);
  for (const [rel, text] of files) {
    const p = join(dir, ...rel.split('/'));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.size, bytes };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (k: string) => (args.includes(k) ? Number(args[args.indexOf(k) + 1]) : undefined);
  const r = writeLargePolyProject(resolve(args[0] ?? 'large-poly'), { ...(opt('--topics') ? { topics: opt('--topics')! } : {}), ...(opt('--flows') ? { flows: opt('--flows')! } : {}), ...(opt('--steps') ? { steps: opt('--steps')! } : {}) });
  console.log(`${r.files} files, ${r.bytes} bytes`);
}
