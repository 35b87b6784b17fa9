import http from 'node:http';
import https from 'node:https';

/** Options for {@link httpGet}. */
export interface GetOptions {
  /** PEM CA to verify the server; without it TLS is not verified (loopback health endpoints only). */
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  timeoutMs?: number;
  method?: string;
}

/** GET (or HEAD) a URL; resolves with status and body, never throws on network errors (status 0). */
export function httpGet(url: string, options: GetOptions = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const secure = url.startsWith('https:');
    const requestOptions: https.RequestOptions = {
      method: options.method ?? 'GET',
      timeout: options.timeoutMs ?? 3000,
      ...(secure ? { ca: options.ca, cert: options.cert, key: options.key, rejectUnauthorized: options.ca !== undefined } : {}),
    };
    const request = (secure ? https : http).request(url, requestOptions, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', () => resolve({ status: 0, body }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ status: 0, body: String(error) }));
    request.end();
  });
}

/** True when `url` answers 200. */
export async function httpOk(url: string, options: GetOptions = {}): Promise<boolean> {
  return (await httpGet(url, options)).status === 200;
}
