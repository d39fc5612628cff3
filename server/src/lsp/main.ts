// The language server's entry: a connection over whatever transport the client chose
// (stdio, node IPC, a pipe or a socket), handed to the server.
// Saves flush many files at once; libuv's default pool of 4 threads would queue them.
// The pool starts on first use, so setting this before any I/O is early enough.
process.env.UV_THREADPOOL_SIZE ??= '16';

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { BotServer } from './server';

const connection = createConnection(ProposedFeatures.all);
new BotServer(connection).listen();
