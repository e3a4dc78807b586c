/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * discord.js checks none of the length totals before sending, so every view passes through `fitMessage`.
 */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectLabel: 100,
  selectDescription: 100,
  selectPlaceholder: 150,
  actionRows: 5,
  buttonsPerRow: 5,
  modalTitle: 45,
  textInputLabel: 45,
  textInputValue: 4000,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Files on one message. */
  attachments: 10,
  /**
   * Bytes of one upload. Discord takes 10 MiB per message from a bot in any server; kept below it so the
   * multipart body's own bytes never tip a message over.
   */
  attachmentBytes: 8 * 1024 * 1024,
  /** The alt text (description) of an attachment. */
  attachmentDescription: 1024,
} as const;

/** Shortens text to `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, max);
  return `${text.slice(0, max - 1).trimEnd()}…`;
}
