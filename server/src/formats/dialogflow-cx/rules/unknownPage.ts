// dialogflow-cx/unknown-page: a `targetPage` names neither a page of its flow nor a special
// page (End Session, End Flow, Current Page, Previous Page, Start Page, …), or a test case
// expects a page no flow has.
import { flowOfFile } from '../model';
import { unknownRefRule } from './unknownRefs';

export const unknownPageRule = unknownRefRule('page', 'dialogflow-cx/unknown-page', (ref, file, ctx) => {
  if (ref.role === 'test')
    return `The test case expects the conversation on the page "${ref.name}", which no flow of the agent has, and it is no special page: the test can only fail. Create the page, or expect one that exists.`;
  const flow = flowOfFile(ctx.bot, file);
  return flow
    ? `The flow "${flow.name}" has no page "${ref.name}" (flows/…/pages/${ref.name}.json), and it is no special page (End Session, End Flow, Current Page, Previous Page, Start Page). Create the page, or target one the flow has.`
    : `No flow has a page "${ref.name}", and it is no special page (End Session, End Flow, Current Page, Previous Page, Start Page). Create the page, or target one that exists.`;
});
