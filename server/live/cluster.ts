// Several instances behind one database: each instance's commits reach the others as server-side messages
// through the Socket.IO adapter. Those cost a query each, so they are sent only while another instance is
// there to hear them.
import type { Server } from "socket.io";
import type { CommittedEvent } from "~/utils/writer.server";

export function joinCluster(io: Server, receive: (events: CommittedEvent[]) => void) {
  let clustered = false;
  io.on("pantau:events", (items: CommittedEvent[]) => receive(items));
  const count = () =>
    io
      .of("/")
      .adapter.serverCount()
      .then(
        (n: number) => {
          clustered = n > 1;
        },
        () => {},
      );
  void count();
  const timer = setInterval(count, 2000);
  timer.unref();
  return {
    /** Tells the other instances about this instance's commits. */
    share(events: CommittedEvent[]) {
      if (clustered) io.serverSideEmit("pantau:events", events);
    },
    close() {
      clearInterval(timer);
    },
  };
}
