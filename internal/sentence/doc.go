// Package sentence splits the two sides of a paragraph pair into sentences
// and links them.
package sentence
