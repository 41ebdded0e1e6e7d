/**
 * One function reads a client's message and switches on its type. Anything
 * that is not a well-formed y-websocket message closes that one connection;
 * nothing a client sends can reach past its own connection.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { CLOSE, MESSAGE } from '../../shared/protocol/collab';
import type { Connection, ConnectionUser } from './connection';
import type { Room } from './room';

export function handleMessage(room: Room, connection: Connection, data: Uint8Array): void {
  if (!connection.admit(data.byteLength)) return;
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.SYNC: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        expectEnd(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) room.answerStateVector(connection, payload);
        else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) room.receiveUpdate(connection, payload);
        else throw new MalformedMessage(`unknown sync message type ${syncType}`);
        break;
      }
      case MESSAGE.AWARENESS: {
        const payload = decoding.readVarUint8Array(decoder);
        expectEnd(decoder);
        const own = ownAwareness(room, connection, payload);
        if (own) applyAwarenessUpdate(room.awareness, own, connection);
        break;
      }
      case MESSAGE.QUERY_AWARENESS:
        expectEnd(decoder);
        connection.send(room.awarenessMessage([...room.awareness.getStates().keys()]));
        break;
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  } catch (error) {
    const reason = error instanceof MalformedMessage ? error.message : `unreadable message (${(error as Error).message})`;
    connection.close(CLOSE.MALFORMED_MESSAGE, reason);
  }
}

class MalformedMessage extends Error {}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the message');
}

/**
 * An awareness update, keeping only the client ids this connection may speak
 * for (its own, or new ones), with the account's identity stamped over
 * whatever `user` the client claimed: presence cannot impersonate anyone.
 * Null when nothing is left.
 */
function ownAwareness(room: Room, connection: Connection, payload: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(payload);
  const count = decoding.readVarUint(decoder);
  const entries: { client: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const owner = room.awarenessOwners.get(client);
    if (owner && owner !== connection) continue;
    entries.push({ client, clock, state: stampIdentity(json, connection.user) });
  }
  expectEnd(decoder);
  if (entries.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { client, clock, state } of entries) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

function stampIdentity(json: string, user: ConnectionUser): string {
  const state: unknown = JSON.parse(json);
  if (state === null) return json; // the client is leaving
  if (typeof state !== 'object' || Array.isArray(state)) throw new MalformedMessage('awareness state is not an object');
  const claimed = (state as { user?: unknown }).user;
  const base = claimed && typeof claimed === 'object' && !Array.isArray(claimed) ? claimed : {};
  return JSON.stringify({ ...state, user: { ...base, id: user.id, name: user.name, role: user.role } });
}
