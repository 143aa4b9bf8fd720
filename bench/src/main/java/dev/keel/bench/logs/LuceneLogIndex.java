package dev.keel.bench.logs;

import dev.keel.logs.LogEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The peer: the same entries in an in-process Lucene index (Elasticsearch's engine) on disk: timestamp as a point
 * (range queries) and doc values (sorting, histograms), source, env and level as keyword terms, the message as
 * analysed text and stored, as Elasticsearch maps a log document. Not thread-safe.
 */
final class LuceneLogIndex implements AutoCloseable {

    private final FSDirectory directory;
    private final IndexWriter writer;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    LuceneLogIndex(Path path) throws IOException {
        directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
        config.setRAMBufferSizeMB(256);
        writer = new IndexWriter(directory, config);
    }

    void add(LogEntry entry) throws IOException {
        Document doc = new Document();
        long nanos = entry.epochNanos();
        doc.add(new LongPoint("ts", nanos));
        doc.add(new NumericDocValuesField("ts", nanos));
        doc.add(new StoredField("ts", nanos));
        doc.add(new StringField("source", entry.source(), Field.Store.YES));
        doc.add(new StringField("env", entry.labels().get("env"), Field.Store.YES));
        doc.add(new StringField("level", entry.level().name(), Field.Store.YES));
        doc.add(new TextField("message", entry.message(), Field.Store.YES));
        writer.addDocument(doc);
    }

    void commit() throws IOException {
        writer.commit();
        reader = DirectoryReader.open(writer);
        searcher = new IndexSearcher(reader);
    }

    /** source = S and env = E and the message has the term T, newest {@code limit}, documents loaded. */
    List<String> labelsAndTerm(String source, String env, String term, int limit) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("source", source)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term("env", env)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term("message", term)), BooleanClause.Occur.FILTER)
                .build();
        return load(searcher.search(query, limit, new Sort(new SortField("ts", SortField.Type.LONG, true))));
    }

    /** Entries with start <= ts < end, oldest {@code limit}, documents loaded. */
    List<String> range(long start, long end, int limit) throws IOException {
        Query query = LongPoint.newRangeQuery("ts", start, end - 1);
        return load(searcher.search(query, limit, new Sort(new SortField("ts", SortField.Type.LONG))));
    }

    /** Counts per bucket of {@code step} nanoseconds from {@code start}, over every document's timestamp. */
    long[] histogram(long start, long end, long step) throws IOException {
        long[] counts = new long[(int) ((end - start + step - 1) / step)];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues("ts");
            while (values.nextDoc() != NumericDocValues.NO_MORE_DOCS) {
                long ts = values.longValue();
                if (ts >= start && ts < end) {
                    counts[(int) ((ts - start) / step)]++;
                }
            }
        }
        return counts;
    }

    private List<String> load(TopFieldDocs top) throws IOException {
        List<String> messages = new ArrayList<>(top.scoreDocs.length);
        var stored = searcher.storedFields();
        for (ScoreDoc hit : top.scoreDocs) {
            messages.add(stored.document(hit.doc).get("message"));
        }
        return messages;
    }

    long sizeOnDisk() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            total += directory.fileLength(file);
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        writer.close();
        directory.close();
    }
}
