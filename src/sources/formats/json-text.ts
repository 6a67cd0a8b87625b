// Parsing one record's JSON text. Ids written as bare integers above 2^53 (snscrape, some API dumps) would lose
// digits in JSON.parse, so they are turned into strings first, from the raw text (snake_case and camelCase keys).

const BIG_ID = /("(?:id|id_str|post_id|postId|tweet_id|tweetId|conversation_id|conversationId|in_reply_to_status_id|inReplyToTweetId|quotedTweetId)"\s*:\s*)(-?\d{16,})(?=\s*[,}\]])/g;

// What BIG_ID needs, cheap to look for: a colon, then sixteen digits. Most records have no bare number that long,
// and this finds that without trying the list of key names at every quotation mark.
const LONG_NUMBER = /:\s*-?\d{16}/;

export function parseRecordJson(text: string): { value: unknown } | { error: string } {
  const fixed = text.length > 16 && LONG_NUMBER.test(text) && BIG_ID.test(text) ? text.replace(BIG_ID, '$1"$2"') : text;
  BIG_ID.lastIndex = 0;
  try {
    return { value: JSON.parse(fixed) };
  } catch (e) {
    return { error: `invalid JSON: ${(e as Error).message.replace(/^JSON\.parse: /, '')}` };
  }
}
