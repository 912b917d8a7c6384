import type { FakeOutcome } from './fake-issuer-types';

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly outcomes: readonly FakeOutcome[];
  served: number;
}

/** Scripted routes: each answers its outcomes in order, then repeats the last. */
export interface RouteTable {
  set(method: string, path: string, outcomes: readonly FakeOutcome[]): void;
  /** The next outcome of the route matching the request, if any route does. */
  next(method: string, path: string): FakeOutcome | undefined;
  clear(): void;
}

/** An empty table. */
export function createRouteTable(): RouteTable {
  let routes: Route[] = [];
  return {
    set(method, path, outcomes) {
      const segments = splitPath(path);
      routes = routes.filter(
        (route) => !(route.method === method && sameSegments(route.segments, segments)),
      );
      routes.push({ method, segments, outcomes, served: 0 });
    },
    next(method, path) {
      const segments = splitPath(path);
      const route = routes.find(
        (candidate) => candidate.method === method && matches(candidate.segments, segments),
      );
      if (route === undefined || route.outcomes.length === 0) return undefined;
      const outcome = route.outcomes[Math.min(route.served, route.outcomes.length - 1)];
      route.served += 1;
      return outcome;
    },
    clear() {
      routes = [];
    },
  };
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matches(pattern: readonly string[], segments: readonly string[]): boolean {
  return (
    pattern.length === segments.length &&
    pattern.every((part, index) => part.startsWith(':') || part === segments[index])
  );
}

function sameSegments(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((part, index) => part === right[index]);
}
