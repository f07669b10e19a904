// Package prompts holds what coach says to the optional LLM and reads what
// comes back: the prompts (embedded, versioned text/template files under
// templates/, one per prompt) and parsers for the replies.
//
// Everything the user typed or pasted (an answer, a resume, a job posting)
// goes into the user message inside a delimited block such as
// <answer>…</answer>, and the system message tells the model to read those
// blocks as data. Delimiter tags inside the user's text are neutralised so
// a pasted "</answer>" cannot close the block early.
//
// Replies are untrusted and often ignore the requested format, so every
// parser here accepts the common deviations, never panics, and tells the
// caller when it found nothing usable so the offline path can take over.
package prompts
