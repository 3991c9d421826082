import type { IncomingMessage } from 'node:http';
import { ASSIST_STREAM_PATH } from '@calmdesk/shared';
import type { FastifyRequest } from 'fastify';
import type { TRouteApp } from '../app.js';
import type { TDeps } from '../context.js';
import { authenticateApiToken } from '../services/api-token.service.js';
import { AssistStreamHub, type TStreamSocket, type TStreamToken } from '../services/assist-stream.service.js';

/** Where rewriteUrl leaves a `?token=` it took out of the URL. */
const kQueryToken = Symbol('assist-stream-token');
type TRawWithToken = IncomingMessage & { [kQueryToken]?: string };

/**
 * Fastify `rewriteUrl`: takes `token` out of the stream's query string before routing, so the
 * secret of a browser client (which cannot set headers on a WebSocket) never reaches a log line.
 * @returns the URL without the token
 */
export function stripStreamToken(req: IncomingMessage): string {
  const url = req.url ?? '/';
  if (!url.startsWith(ASSIST_STREAM_PATH) || !url.includes('token=')) return url;
  const [path, query = ''] = url.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  const token = params.get('token');
  if (token !== null) (req as TRawWithToken)[kQueryToken] = token;
  params.delete('token');
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}

const streamTokens = new WeakMap<FastifyRequest, TStreamToken>();

function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return (request.raw as TRawWithToken)[kQueryToken];
}

/**
 * GET /api/assist/stream: the WebSocket for chat tools. The upgrade is refused with 401 unless
 * the request carries a live API token of an organisation (header or `?token=`).
 * @returns the hub (tests and the bench read its size)
 */
export function registerAssistStreamRoutes(app: TRouteApp, deps: TDeps): AssistStreamHub {
  const hub = new AssistStreamHub(deps);
  app.addHook('onClose', async () => hub.stop());
  app.get(
    ASSIST_STREAM_PATH,
    {
      websocket: true,
      // Authorised by the API token below, not by a session.
      config: { access: 'public' },
      schema: { hide: true },
      preValidation: async (request, reply) => {
        const token = presentedToken(request);
        const found = token ? await authenticateApiToken(deps, token) : undefined;
        if (!found) {
          return reply.code(401).send({ error: { code: 'UNAUTHENTICATED', message: 'A live API token is required: Authorization: Bearer <token>, or ?token=<token>' } });
        }
        streamTokens.set(request, found);
      },
    },
    (socket, request) => {
      const token = streamTokens.get(request);
      if (!token) return socket.close(1008, 'unauthorised');
      hub.attach(socket as unknown as TStreamSocket, token);
    },
  );
  return hub;
}
