// A loopback front door for `npm start`: forwards HTTP and WebSocket traffic to code-server, and sends a bare
// visit to "/" to the workbench URL that loads SeqLab from the working tree (code-server has no flag for that).
import { createServer, request } from 'node:http';
import { connect } from 'node:net';

/**
 * Listens on 127.0.0.1:port and proxies to 127.0.0.1:target. `landing(port)` returns the path+query "/" redirects to.
 * @returns {Promise<import('node:http').Server>}
 */
export function startDevProxy({ port, target, landing }) {
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: landing(port) }).end();
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const up = connect(target, '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      up.write(lines.join('\r\n') + '\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(socket).pipe(up);
    });
    const close = () => {
      up.destroy();
      socket.destroy();
    };
    up.on('error', close);
    socket.on('error', close);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
