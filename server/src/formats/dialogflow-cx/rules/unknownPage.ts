// dialogflow-cx/unknown-page: a `targetPage` names neither a page of its flow nor a special
// page (End Session, End Flow, Current Page, Previous Page, Start Page, …).
import { flowOfFile } from '../model';
import { unknownRefRule } from './unknownRefs';

export const unknownPageRule = unknownRefRule('page', 'dialogflow-cx/unknown-page', (ref, file, ctx) => {
  const flow = flowOfFile(ctx.bot, file);
  return flow
    ? `The flow "${flow.name}" has no page "${ref.name}" (flows/…/pages/${ref.name}.json), and it is no special page (End Session, End Flow, Current Page, Previous Page, Start Page). Create the page, or target one the flow has.`
    : `No flow has a page "${ref.name}", and it is no special page (End Session, End Flow, Current Page, Previous Page, Start Page). Create the page, or target one that exists.`;
});
