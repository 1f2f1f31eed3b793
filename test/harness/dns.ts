/**
 * A real DNS server in the test process (dns2, UDP on 127.0.0.1, a free port) answering from a zone
 * the test writes: TXT, A and MX records by name. A name not in the zone is NXDOMAIN; a name in it
 * without records of the asked type answers NOERROR with none (what Node calls ENODATA). Point
 * Cartback at it with CARTBACK_DNS_SERVER=<address>.
 */
import { Packet, createServer } from 'dns2';

export interface ZoneEntry { txt?: string[]; a?: string[]; mx?: string[] }
export type Zone = Record<string, ZoneEntry>;

export interface DnsServer {
  /** 127.0.0.1:<port>, for CARTBACK_DNS_SERVER */
  address: string;
  /** replace the records the server answers from */
  zone: Zone;
  /** questions asked, as "TYPE name" */
  asked: string[];
  close(): Promise<void>;
}

const TYPE_NAMES: Record<number, string> = { [Packet.TYPE.A]: 'A', [Packet.TYPE.AAAA]: 'AAAA', [Packet.TYPE.TXT]: 'TXT', [Packet.TYPE.MX]: 'MX' };

/** A TXT string longer than 255 bytes goes out as several character-strings, as real servers send a DKIM key. */
const chunks = (value: string): string[] => value.match(/[\s\S]{1,255}/g) ?? [''];

export async function startDns(zone: Zone = {}): Promise<DnsServer> {
  const state = { zone, asked: [] as string[] };
  const server = createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      if (!question) return void send(response);
      const name = question.name.toLowerCase().replace(/\.$/, '');
      state.asked.push(`${TYPE_NAMES[question.type] ?? question.type} ${name}`);
      const entry = state.zone[name];
      if (!entry) {
        response.header.rcode = 3; // NXDOMAIN (dns2 has Packet.RCODE, its types do not)
        return void send(response);
      }
      const base = { name: question.name, class: Packet.CLASS.IN, ttl: 60 };
      if (question.type === Packet.TYPE.TXT) for (const t of entry.txt ?? []) response.answers.push({ ...base, type: Packet.TYPE.TXT, data: chunks(t) } as never);
      if (question.type === Packet.TYPE.A) for (const address of entry.a ?? []) response.answers.push({ ...base, type: Packet.TYPE.A, address } as never);
      if (question.type === Packet.TYPE.MX) (entry.mx ?? []).forEach((exchange, i) => response.answers.push({ ...base, type: Packet.TYPE.MX, exchange, priority: 10 * (i + 1) } as never));
      void send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  return {
    address: `127.0.0.1:${addresses.udp!.port}`,
    get zone() {
      return state.zone;
    },
    set zone(z: Zone) {
      state.zone = z;
    },
    asked: state.asked,
    close: () => server.close(),
  };
}
