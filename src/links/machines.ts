/**
 * Was this followed link a person? Mail security gateways (Microsoft Defender Safe Links, Mimecast,
 * Proofpoint, Barracuda, …) open every link of an incoming message to look for malware, within
 * seconds of delivery and often with a scanner's user agent; link previewers send HEAD requests.
 * Counting those as clicks would inflate click rates and credit orders to the wrong email. The
 * rules, documented in the README: a HEAD request; a user agent that names a scanner, a bot, a
 * script library, or none at all; a click or restore within `windowMs` of delivery. Opens are only
 * judged by the first two (image proxies legitimately fetch the pixel the moment mail is read).
 */
const SCANNER_AGENTS =
  /barracuda|mimecast|proofpoint|ppops|symantec|messagelabs|forcepoint|websense|sophos|trend ?micro|ironport|cisco|fireeye|trellix|zscaler|safelinks|microsoft office|outlook-ios-linkpreview|linkpreview|slurp|bot\b|crawler|spider|scanner|headless|python-requests|python-urllib|curl\/|wget\/|go-http-client|java\/|okhttp|libwww|httpclient|node-fetch|axios\//i;

export interface LinkRequest { method: string; userAgent: string | undefined; at: number }

export function machineReason(r: LinkRequest, kind: 'open' | 'click' | 'restore', sentAt: number | null, windowMs: number): string | null {
  if (r.method === 'HEAD') return 'head_request';
  const ua = r.userAgent?.trim() ?? '';
  if (ua === '') return 'no_user_agent';
  if (SCANNER_AGENTS.test(ua)) return 'scanner_agent';
  if (kind !== 'open' && windowMs > 0 && sentAt !== null && r.at - sentAt < windowMs) return 'too_soon_after_delivery';
  return null;
}
