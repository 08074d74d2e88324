import type { Token } from "./highlighter";

/** One line of code: its tokens once highlighted, else the plain text (same characters either way). */
export function LineText({ text, tokens }: { text: string; tokens: Token[] | undefined }) {
  if (!tokens) return text;
  return tokens.map((token, index) => (
    <span key={index} data-token="" style={token.style}>
      {token.content}
    </span>
  ));
}
