import type { Server } from "socket.io";
import type { ClientToServerEvents, InterServerEvents, RoomEmit, ServerEventName, ServerToClientEvents, ServerToClientPayloads, SocketData } from "@/lib/realtime/socket-contract";

type SocketServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Emits a typed room message (socket-contract.ts's RoomEmit) to this process's sockets only.
 * One line per event: socket.io's typed emit needs the event's name as a literal to check its
 * payload, and this table lets a message whose name and payload travel together (the relay
 * between processes) be emitted with both checked, without a cast.
 */
export function localEmitter(io: SocketServer): <E extends ServerEventName>(message: RoomEmit<E>) => void {
  const emitters: { [E in ServerEventName]: (room: string | string[], payload: ServerToClientPayloads[E]) => void } = {
    "plan:event": (room, payload) => io.local.to(room).emit("plan:event", payload),
    "plan:head": (room, payload) => io.local.to(room).emit("plan:head", payload),
    "plan:presence": (room, payload) => io.local.to(room).emit("plan:presence", payload),
    "plan:watching": (room, payload) => io.local.to(room).emit("plan:watching", payload),
    "plan:access-lost": (room, payload) => io.local.to(room).emit("plan:access-lost", payload),
    "dashboard:changed": (room, payload) => io.local.to(room).emit("dashboard:changed", payload),
    "notification:new": (room, payload) => io.local.to(room).emit("notification:new", payload),
  };
  return (message) => {
    emitters[message.event](message.room, message.payload);
    if (message.also) emitters[message.event](message.also.room, message.also.payload);
  };
}
