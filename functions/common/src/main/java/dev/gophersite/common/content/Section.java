package dev.gophersite.common.content;

/**
 * One section of a page: the unit the site links to ({@code /slug#id}) and the unit retrieval ranks.
 *
 * @param id      anchor id, unique within its page
 * @param heading the section heading as plain text
 * @param html    trusted HTML rendered from the page's Markdown at load time
 * @param text    the same content as plain text, for retrieval and extractive answers
 */
public record Section(String id, String heading, String html, String text) {
}
