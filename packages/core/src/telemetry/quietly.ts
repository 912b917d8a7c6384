/** Runs `act`, and swallows what it throws: an app's tracer or meter must never change a call's outcome. */
export function quietly<T>(act: () => T): T | undefined {
  try {
    return act();
  } catch {
    return undefined;
  }
}
