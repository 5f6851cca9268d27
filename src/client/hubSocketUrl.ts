/**
 * The hub's WebSocket URL for this page, with the operator token when the page has one, or for an output page
 * `role=output` and its name (only outputs may report what they drew).
 */
export function hubSocketUrl(location: Location, token: string | null, output?: { name: string }, host = location.host): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const params = new URLSearchParams();
  if (token) params.set('token', token);
  if (output) params.set('role', 'output');
  if (output?.name) params.set('name', output.name);
  const query = params.size > 0 ? `?${params}` : '';
  return `${scheme}://${host}/ws${query}`;
}
