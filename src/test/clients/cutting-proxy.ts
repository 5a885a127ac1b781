// A TCP proxy in front of a server that, once, drops both connections after a given number of bytes went from the
// client to the server: a network failure in the middle of a chunk, which the client meets as an error. The server
// may learn of the cut later than the client (as behind a load balancer): a client retrying at once then meets the
// cut request still under way.
import * as net from "node:net";

export type CuttingProxy = { url: string; cut: () => boolean; close: () => void };

/**
 * Listens on 127.0.0.1 (a free port) and forwards to {@code origin}, cutting after {@code cutAt} bytes sent; the
 * server's side of the cut connection closes {@code serverLearnsAfterMs} after the client's.
 */
export async function cuttingProxy(origin: string, cutAt: number, serverLearnsAfterMs = 0): Promise<CuttingProxy> {
  const target = new URL(origin);
  let forwarded = 0;
  let cut = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let cutHere = false;
    client.on("data", (data: Buffer) => {
      if (!cut && forwarded + data.length > cutAt) {
        cut = true;
        cutHere = true;
        upstream.write(data.subarray(0, cutAt - forwarded));
        client.destroy();
        setTimeout(() => upstream.destroy(), serverLearnsAfterMs);
        return;
      }
      forwarded += data.length;
      upstream.write(data);
    });
    upstream.on("data", (data: Buffer) => client.write(data));
    client.on("close", () => {
      if (!cutHere) upstream.destroy();
    });
    upstream.on("close", () => client.destroy());
    client.on("error", () => {
      if (!cutHere) upstream.destroy();
    });
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    cut: () => cut,
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      server.close();
    },
  };
}
