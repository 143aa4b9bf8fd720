package dev.keel.crawler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a sitemap (sitemaps.org protocol 0.9): a {@code <urlset>} of {@code <url><loc>} page URLs, or a
 * {@code <sitemapindex>} of {@code <sitemap><loc>} sitemap URLs; gzip-compressed files are recognised by their magic
 * bytes. The parser is the JDK's StAX reader with DTDs and external entities off (no XXE, no entity expansion bombs);
 * at most {@link #MAX_URLS} locations are read from one file, as the protocol allows.
 *
 * <p>Stateless and thread-safe.
 */
final class SitemapReader {

    /** The protocol's limit of URLs per sitemap file. */
    static final int MAX_URLS = 50_000;

    /** What one sitemap file lists. */
    record Sitemap(List<String> pages, List<String> sitemaps) {}

    private SitemapReader() {}

    /** Parses {@code content} (XML, or gzip of it, at most {@code maxBytes} once decompressed). */
    static Sitemap read(byte[] content, long maxBytes) throws IOException {
        byte[] xml = content;
        if (content.length >= 2 && (content[0] & 0xFF) == 0x1f && (content[1] & 0xFF) == 0x8b) {
            xml = Fetcher.gunzip(content, maxBytes).bytes();
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<String> pages = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                String parent = "";
                while (reader.hasNext() && pages.size() + sitemaps.size() < MAX_URLS) {
                    int event = reader.next();
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = reader.getLocalName();
                    if (name.equals("url") || name.equals("sitemap")) {
                        parent = name;
                    } else if (name.equals("loc")) {
                        String location = reader.getElementText().strip();
                        if (!location.isEmpty()) {
                            (parent.equals("sitemap") ? sitemaps : pages).add(location);
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException malformed) {
            // What was read before the damage is kept: a truncated sitemap still names useful pages.
        }
        return new Sitemap(List.copyOf(pages), List.copyOf(sitemaps));
    }
}
