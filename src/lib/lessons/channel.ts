/**
 * The lesson window and its speaker view talk over a BroadcastChannel (same origin, no server):
 * the lesson announces its slide; the speaker view asks for it when it opens and may move it.
 */
export type LessonMessage =
  | { type: 'slide'; slide: number; step?: number }
  | { type: 'hello' }
  | { type: 'go'; slide: number };

export const channelName = (slug: string) => `attention-unrolled:lesson:${slug}`;

export function isLessonMessage(m: unknown): m is LessonMessage {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'slide' || t === 'hello' || t === 'go';
}
