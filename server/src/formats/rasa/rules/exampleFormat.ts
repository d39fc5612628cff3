// How examples are written, as Rasa's NLU reader takes them (rasa_yaml.py, entities_parser.py):
// a line of an `examples: |` block that does not start with "-" is skipped; an item with no
// examples is skipped; an annotation `[words]{…}` whose body is not JSON, or names no
// "entity", stops Rasa reading the file.
import type { Annotation } from '../examples';
import { dataFiles, usesOf } from './uses';
import type { RasaRule, RasaRuleContext } from './types';

const FORMAT = 'rasa/example-format';
const ANNOTATION = 'rasa/entity-annotation-invalid';

export const exampleFormatRule: RasaRule = {
  codes: [FORMAT, ANNOTATION],
  check(ctx) {
    const { bot } = ctx;
    const format = !ctx.isOff(FORMAT);
    const annotations = !ctx.isOff(ANNOTATION);
    for (const { file, decl } of bot.nlu) {
      if (format) {
        for (const line of decl.badLines) {
          ctx.report(file, {
            start: line.start,
            end: line.end,
            code: FORMAT,
            message: `The item '${decl.name.text}' contains an example that doesn't start with a '-' symbol: '${line.text}'. This training example will be skipped. Start the line with "- ".`,
            fixes: [{ title: 'Start the line with "- "', preferred: true, edits: [{ file, start: line.start, end: line.start, newText: '- ' }] }],
          });
        }
        if (decl.examples.length === 0 && decl.badLines.length === 0) {
          const said = decl.kind === 'intent' ? `Intent '${decl.name.text}' has no examples.` : `${decl.kind}: ${decl.name.text} doesn't have any examples. It will be skipped.`;
          ctx.report(file, {
            start: decl.name.start,
            end: decl.name.end,
            code: FORMAT,
            message: `${said} Add examples as "- " lines under examples: |, or remove the item.`,
          });
        }
      }
    }
    if (!annotations) return;
    for (const { file } of dataFiles(bot)) for (const a of usesOf(bot, file)!.badAnnotations) invalid(ctx, file, a);
  },
};

function invalid(ctx: RasaRuleContext, file: string, a: Annotation): void {
  // The `{…}` after `[words]`.
  const start = a.words.end + 1;
  ctx.report(file, {
    start,
    end: a.end,
    code: ANNOTATION,
    message: `Incorrect training data format: ${a.problem} Rasa stops reading the file at this annotation.`,
  });
}
