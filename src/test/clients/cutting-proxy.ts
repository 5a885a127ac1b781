// A TCP proxy in front of a server that, once, drops both connections after a given number of bytes went from the
// client to the server: a network failure in the middle of a chunk, which the client meets as an error.
import * as net from "node:net";

export type CuttingProxy = { url: string; cut: () => boolean; close: () => void };

/** Listens on 127.0.0.1 (a free port) and forwards to {@code origin}, cutting after {@code cutAt} bytes sent. */
export async function cuttingProxy(origin: string, cutAt: number): Promise<CuttingProxy> {
  const target = new URL(origin);
  let forwarded = 0;
  let cut = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.on("data", (data: Buffer) => {
      if (!cut && forwarded + data.length > cutAt) {
        cut = true;
        upstream.write(data.subarray(0, cutAt - forwarded));
        client.destroy();
        upstream.destroy();
        return;
      }
      forwarded += data.length;
      upstream.write(data);
    });
    upstream.on("data", (data: Buffer) => client.write(data));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.on("error", () => upstream.destroy());
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
