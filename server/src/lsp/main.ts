// The language server's entry: a connection over whatever transport the client chose
// (stdio, node IPC, a pipe or a socket), handed to the server.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { BotServer } from './server';

const connection = createConnection(ProposedFeatures.all);
new BotServer(connection).listen();
