import { runServer } from './run-server.js';

void runServer();
