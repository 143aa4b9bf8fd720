package dev.keel.cli;

import java.io.PrintWriter;

/** The web crawler, as the command line sees it: {@code keel crawl URL...} (also {@code keel crawler}) and its demo. */
final class CrawlerSystem implements KeelSystem {

    @Override
    public String name() {
        return "crawler";
    }

    @Override
    public Object command() {
        return new CrawlCommand();
    }

    @Override
    public void demo(PrintWriter out) throws Exception {
        new CrawlerDemo(out).run();
    }
}
