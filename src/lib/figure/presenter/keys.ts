/**
 * Presenter keys, one table for the handler and for the `?` help, so the list shown is the list
 * that works. Keys act anywhere on the page, but never while someone types in a field.
 */
export type PresenterAction =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'nextFigure'
  | 'prevFigure'
  | 'blank'
  | 'fullscreen'
  | 'help'
  | 'code'
  | 'numbers'
  | 'speaker'
  | 'leave';

export const PRESENTER_KEYS: readonly { keys: string[]; label: string; action: PresenterAction }[] =
  [
    { keys: ['ArrowRight', ' '], label: '→ or Space', action: 'next' },
    { keys: ['ArrowLeft'], label: '←', action: 'prev' },
    { keys: ['Home'], label: 'Home', action: 'first' },
    { keys: ['End'], label: 'End', action: 'last' },
    { keys: ['PageDown'], label: 'Page Down', action: 'nextFigure' },
    { keys: ['PageUp'], label: 'Page Up', action: 'prevFigure' },
    { keys: ['b', 'B'], label: 'b', action: 'blank' },
    { keys: ['f', 'F'], label: 'f', action: 'fullscreen' },
    { keys: ['c', 'C'], label: 'c', action: 'code' },
    { keys: ['v', 'V'], label: 'v', action: 'numbers' },
    { keys: ['n', 'N'], label: 'n', action: 'speaker' },
    { keys: ['?'], label: '?', action: 'help' },
    { keys: ['Escape'], label: 'Esc', action: 'leave' }
  ];

export const ACTION_TEXT: Record<PresenterAction, string> = {
  next: 'next step',
  prev: 'previous step',
  first: 'first step',
  last: 'last step',
  nextFigure: 'next figure (next slide in a lesson)',
  prevFigure: 'previous figure (previous slide in a lesson)',
  blank: 'blank the screen, and back',
  fullscreen: 'full screen, and back',
  code: 'show or hide the code',
  numbers:
    'show or hide the numbers in the cells that fit them (hidden when under 16 px, 10 px on a phone)',
  speaker: 'speaker view with the notes (lessons)',
  help: 'this list of keys',
  leave: 'leave presenter mode'
};

/** True when the key belongs to a field the user is typing in. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range'].includes(type);
}

/** The action a key press asks for, or null (modifier chords belong to the browser). */
export function actionOf(e: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): PresenterAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return PRESENTER_KEYS.find((k) => k.keys.includes(e.key))?.action ?? null;
}
