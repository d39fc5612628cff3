// Names and files go together: a topic, a flow step or a test case lives in the file named
// `clean_name` of its name, and a flow in the folder named `clean_name` of its name
// (`poly validate`; two names that clean alike are rejected on pull). A file named otherwise
// is read by the ADK under another resource's path.
import { cleanName, stem } from '../paths';
import { relOf } from '../model';
import type { PolyRule } from './types';

export const fileNamesRule: PolyRule = {
  codes: ['polyai/file-name'],
  needsEveryFile: false,
  check({ project, report }) {
    const check = (file: string, name: { text: string; start: number; end: number } | undefined, actual: string, what: string) => {
      if (!name || name.text.trim() === '') return;
      const want = cleanName(name.text);
      if (want === actual || want === '') return;
      report(file, {
        start: name.start,
        end: name.end,
        code: 'polyai/file-name',
        message: `The ${what} '${name.text}' belongs in ${what === 'flow' ? `the folder flows/${want}/` : `${relOf(project, file).replace(/[^/]*$/, '')}${want}.yaml`}, not ${what === 'flow' ? `flows/${actual}/` : relOf(project, file)}: the ADK names files by clean_name of the name. Rename the ${what === 'flow' ? 'folder' : 'file'}, or the ${what}.`,
      });
    };
    for (const { file, decl } of project.topics) check(file, decl.name, stem(file), 'topic');
    for (const { file, decl } of project.tests) check(file, decl.name, stem(file), 'test case');
    for (const flow of project.flows.values()) {
      if (flow.config) check(flow.config.file, flow.config.decl.name, flow.folder, 'flow');
      for (const { file, decl } of flow.stepFiles) check(file, decl.name, stem(file), 'step');
    }
  },
};
