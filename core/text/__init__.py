"""Text handling: canonical import form, search folding, tokens, sentences, clitics."""
