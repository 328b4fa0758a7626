/**
 * Who invites a guest to join, page-wide: a page shows exactly one join pitch. When the page has a
 * `<loyalty-join-pitch>`, that element is the pitch and every widget shows a guest only its compact sign-in line;
 * without one, the first widget in document order that shows a guest state holds the pitch instead.
 *
 * The registry lives on `globalThis` under a symbol every copy of the package shares, so two bundles on one page
 * agree on who holds it. Each change re-renders every member, so the outcome never depends on who loaded first.
 */
export interface PitchMember extends Element {
  requestUpdate(): void;
}

interface Registry {
  /** `<loyalty-join-pitch>` elements on the page. */
  pitches: Set<PitchMember>;
  /** Widgets showing a guest state that may hold the pitch. */
  guests: Set<PitchMember>;
}

const KEY = Symbol.for('loyalty-elements.guest-pitch');

function registry(): Registry {
  const global = globalThis as { [KEY]?: Registry };
  return (global[KEY] ??= { pitches: new Set(), guests: new Set() });
}

function changed(except: PitchMember): void {
  const { pitches, guests } = registry();
  for (const member of [...pitches, ...guests]) if (member !== except) member.requestUpdate();
}

/** The element and the shadow hosts around it, outermost first. */
function hostPath(node: Node): Node[] {
  const path: Node[] = [];
  for (let current: Node | undefined = node; current;) {
    path.unshift(current);
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : undefined;
  }
  return path;
}

/** Negative when `a` comes before `b` in the page, reading into shadow roots as they are shown. */
export function compareInPage(a: Node, b: Node): number {
  const pathA = hostPath(a);
  const pathB = hostPath(b);
  for (let i = 0; i < Math.min(pathA.length, pathB.length); i++) {
    const x = pathA[i]!;
    const y = pathB[i]!;
    if (x === y) continue;
    const position = x.compareDocumentPosition(y);
    if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
    if (position & Node.DOCUMENT_POSITION_CONTAINS) return 1;
    return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  return pathA.length - pathB.length;
}

function toggle(members: Set<PitchMember>, element: PitchMember, present: boolean): void {
  if (present === members.has(element)) return;
  if (present) members.add(element);
  else members.delete(element);
  changed(element);
}

/** Adds or removes a `<loyalty-join-pitch>`. */
export function setPitchElement(element: PitchMember, present: boolean): void {
  toggle(registry().pitches, element, present);
}

/** Adds or removes a widget that shows a guest state. */
export function setGuestWidget(element: PitchMember, guest: boolean): void {
  toggle(registry().guests, element, guest);
}

/** Whether `element` shows the page's one join pitch: no `<loyalty-join-pitch>`, and it is the first guest widget. */
export function holdsPitch(element: PitchMember): boolean {
  const { pitches, guests } = registry();
  if (pitches.size > 0 || !guests.has(element)) return false;
  for (const other of guests) if (other !== element && compareInPage(other, element) < 0) return false;
  return true;
}
