package io.threadkeep.importer.forum;

/**
 * What a forum page says about its thread.
 *
 * @param threadId       the engine's thread id, the story's site id
 * @param url            the thread's canonical URL (no page number, sort or session parameters)
 * @param title          the thread's title
 * @param board          the forum/board/category it sits in, null when the page does not say
 * @param page           which page of the thread this is (1 when the page does not say)
 * @param declaredCount  how many replies the page says the thread has, null when it does not say
 * @param linkUrl        an external page the thread belongs to (an article whose comments these are), or null
 * @param firstIsOpening whether the page's first post is the thread's opening post
 */
record ForumHead(String threadId, String url, String title, String board, int page, Integer declaredCount,
                 String linkUrl, boolean firstIsOpening) {
}
