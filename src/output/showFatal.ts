/** A page that cannot start says why on screen, for the engineer at the playout, and on the console, for logs. */
export function showFatal(what: string) {
  return (error: Error) => {
    console.error(error);
    const message = document.createElement('pre');
    message.className = 'fatal';
    message.textContent = `${what} could not start: ${error.message}`;
    document.body.appendChild(message);
  };
}
