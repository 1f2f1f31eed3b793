/**
 * Security headers. The admin app gets a Content Security Policy that allows only its own scripts
 * (no inline script, no eval), inline styles (the component library and the flow canvas set style
 * attributes), images from anywhere over https (product pictures inside email previews), and no
 * framing by other sites. Admin API answers are never cached by a browser or proxy. HSTS only when
 * the public URL is https (it would lock a plain-http development install out of itself).
 */
import type { FastifyReply } from 'fastify';

const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function appHeaders(reply: FastifyReply, https: boolean): FastifyReply {
  void reply
    .header('content-security-policy', APP_CSP)
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (https) void reply.header('strict-transport-security', 'max-age=31536000');
  return reply;
}

export function apiHeaders(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin');
}
