// What the `frames` server's peer saw: it records the frames a client sent on a connection opened with
// `?tag=…` and reports them on /report?tag=… once that connection has ended.

/** The frames the peer received on the connection tagged `tag` (it waits for that connection to end). */
function report(tag) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${SERVERS.frames}/report?tag=${tag}`);
    const frames = [];
    ws.onmessage = (e) => {
      const item = JSON.parse(e.data);
      if ("end" in item) resolve({ frames, end: item.end });
      else frames.push(item);
    };
    ws.onerror = () => reject(new Error("the report connection failed"));
  });
}
