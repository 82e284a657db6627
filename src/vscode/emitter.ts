/** Something to stop: a listener, in the shape of `vscode.Disposable`. */
export interface Subscription {
  dispose(): void;
}

/**
 * A minimal event emitter with VS Code's `onDid…` shape (`event(listener) → disposable`), for
 * host classes that must also run outside VS Code (unit tests): `vscode.EventEmitter` exists only
 * inside the extension host.
 */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event = (listener: (value: T) => void): Subscription => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
