package dev.keel.bench.snapshot;

import clojure.lang.AFn;
import clojure.lang.IKVReduce;
import clojure.lang.IPersistentMap;
import clojure.lang.ITransientMap;
import clojure.lang.PersistentHashMap;
import dev.keel.snapshot.PersistentMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import scala.Tuple2;
import scala.collection.immutable.HashMapBuilder;

/**
 * One hash map implementation behind the operations the benchmarks measure, each done the library's own idiomatic
 * way: keel's {@link PersistentMap}, Scala 2.13's {@code immutable.HashMap} (CHAMP), Clojure's
 * {@code PersistentHashMap} (HAMT), Vavr's {@code HashMap} (HAMT), PCollections' {@code HashTreePMap} (a hash-keyed
 * tree of lists), and {@code java.util.HashMap}, the mutable baseline (its "with" is a put on the one map, and the
 * benchmark undoes it).
 *
 * <p>Maps are {@code Object} to keep one interface over libraries with no common supertype. Each JMH fork runs one
 * implementation, so calls through this interface are monomorphic.
 */
interface PeerMap {

    /** A map of {@code keys[i] -> values[i]}, built the fastest way the library offers (its transient or builder). */
    Object build(Object[] keys, Object[] values);

    Object get(Object map, Object key);

    Object with(Object map, Object key, Object value);

    Object without(Object map, Object key);

    /** Consumes every key and value through the library's entry iterator. */
    void iterate(Object map, Blackhole blackhole);

    /**
     * Consumes every key and value through the library's internal iteration, which hands each key and value to a
     * callback without making an entry object: keel's and Vavr's {@code forEach(BiConsumer)}, Scala's
     * {@code foreachEntry}, Clojure's {@code kvreduce} (what {@code reduce-kv} calls).
     */
    void forEachEntry(Object map, Blackhole blackhole);

    /** {@code equals}, which every library here overrides with its own algorithm. */
    default boolean equal(Object a, Object b) {
        return a.equals(b);
    }

    /** Consumes every key and value of a {@code java.util.Map} through its entry iterator. */
    static void consumeEntries(Map<?, ?> map, Blackhole blackhole) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            blackhole.consume(entry.getKey());
            blackhole.consume(entry.getValue());
        }
    }

    /** Consumes every key and value of a {@code java.util.Map} through its {@code forEach(BiConsumer)}. */
    static void consumeByForEach(Map<?, ?> map, Blackhole blackhole) {
        map.forEach((key, value) -> {
            blackhole.consume(key);
            blackhole.consume(value);
        });
    }

    static PeerMap named(String name) {
        return switch (name) {
            case "keel" -> new Keel();
            case "scala" -> new Scala();
            case "clojure" -> new Clojure();
            case "vavr" -> new Vavr();
            case "pcollections" -> new PCollections();
            case "java.util.HashMap" -> new MutableBaseline();
            default ->
                throw new IllegalArgumentException("unknown map '" + name
                        + "' (expected: keel, scala, clojure, vavr, pcollections, java.util.HashMap)");
        };
    }

    final class Keel implements PeerMap {
        @Override
        public Object build(Object[] keys, Object[] values) {
            PersistentMap.Builder<Object, Object> builder = PersistentMap.builder();
            for (int i = 0; i < keys.length; i++) {
                builder.put(keys[i], values[i]);
            }
            return builder.build();
        }

        @SuppressWarnings("unchecked")
        private static PersistentMap<Object, Object> cast(Object map) {
            return (PersistentMap<Object, Object>) map;
        }

        @Override
        public Object get(Object map, Object key) {
            return cast(map).get(key);
        }

        @Override
        public Object with(Object map, Object key, Object value) {
            return cast(map).with(key, value);
        }

        @Override
        public Object without(Object map, Object key) {
            return cast(map).without(key);
        }

        @Override
        public void iterate(Object map, Blackhole blackhole) {
            consumeEntries(cast(map), blackhole);
        }

        @Override
        public void forEachEntry(Object map, Blackhole blackhole) {
            consumeByForEach(cast(map), blackhole);
        }
    }

    final class Scala implements PeerMap {
        @Override
        public Object build(Object[] keys, Object[] values) {
            HashMapBuilder<Object, Object> builder = new HashMapBuilder<>();
            for (int i = 0; i < keys.length; i++) {
                builder.addOne(keys[i], values[i]);
            }
            return builder.result();
        }

        @SuppressWarnings("unchecked")
        private static scala.collection.immutable.HashMap<Object, Object> cast(Object map) {
            return (scala.collection.immutable.HashMap<Object, Object>) map;
        }

        @Override
        public Object get(Object map, Object key) {
            return cast(map).getOrElse(key, () -> null);
        }

        @Override
        public Object with(Object map, Object key, Object value) {
            return cast(map).updated(key, value);
        }

        @Override
        public Object without(Object map, Object key) {
            return cast(map).removed(key);
        }

        @Override
        public void iterate(Object map, Blackhole blackhole) {
            scala.collection.Iterator<Tuple2<Object, Object>> it = cast(map).iterator();
            while (it.hasNext()) {
                Tuple2<Object, Object> entry = it.next();
                blackhole.consume(entry._1());
                blackhole.consume(entry._2());
            }
        }

        @Override
        public void forEachEntry(Object map, Blackhole blackhole) {
            cast(map).foreachEntry((key, value) -> {
                blackhole.consume(key);
                blackhole.consume(value);
                return null;
            });
        }
    }

    final class Clojure implements PeerMap {
        @Override
        public Object build(Object[] keys, Object[] values) {
            ITransientMap map = PersistentHashMap.EMPTY.asTransient();
            for (int i = 0; i < keys.length; i++) {
                map = map.assoc(keys[i], values[i]);
            }
            return map.persistent();
        }

        @Override
        public Object get(Object map, Object key) {
            return ((IPersistentMap) map).valAt(key);
        }

        @Override
        public Object with(Object map, Object key, Object value) {
            return ((IPersistentMap) map).assoc(key, value);
        }

        @Override
        public Object without(Object map, Object key) {
            return ((IPersistentMap) map).without(key);
        }

        @Override
        public void iterate(Object map, Blackhole blackhole) {
            Iterator<?> it = ((Iterable<?>) map).iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) it.next();
                blackhole.consume(entry.getKey());
                blackhole.consume(entry.getValue());
            }
        }

        @Override
        public void forEachEntry(Object map, Blackhole blackhole) {
            ((IKVReduce) map)
                    .kvreduce(
                            new AFn() {
                                @Override
                                public Object invoke(Object accumulator, Object key, Object value) {
                                    blackhole.consume(key);
                                    blackhole.consume(value);
                                    return accumulator;
                                }
                            },
                            null);
        }
    }

    final class Vavr implements PeerMap {
        @Override
        public Object build(Object[] keys, Object[] values) {
            io.vavr.collection.HashMap<Object, Object> map = io.vavr.collection.HashMap.empty();
            for (int i = 0; i < keys.length; i++) {
                map = map.put(keys[i], values[i]);
            }
            return map;
        }

        @SuppressWarnings("unchecked")
        private static io.vavr.collection.HashMap<Object, Object> cast(Object map) {
            return (io.vavr.collection.HashMap<Object, Object>) map;
        }

        @Override
        public Object get(Object map, Object key) {
            return cast(map).getOrElse(key, null);
        }

        @Override
        public Object with(Object map, Object key, Object value) {
            return cast(map).put(key, value);
        }

        @Override
        public Object without(Object map, Object key) {
            return cast(map).remove(key);
        }

        @Override
        public void iterate(Object map, Blackhole blackhole) {
            for (io.vavr.Tuple2<Object, Object> entry : cast(map)) {
                blackhole.consume(entry._1());
                blackhole.consume(entry._2());
            }
        }

        @Override
        public void forEachEntry(Object map, Blackhole blackhole) {
            cast(map).forEach((key, value) -> {
                blackhole.consume(key);
                blackhole.consume(value);
            });
        }
    }

    final class PCollections implements PeerMap {
        @Override
        public Object build(Object[] keys, Object[] values) {
            Map<Object, Object> entries = new HashMap<>(2 * keys.length);
            for (int i = 0; i < keys.length; i++) {
                entries.put(keys[i], values[i]);
            }
            return HashTreePMap.from(entries);
        }

        @SuppressWarnings("unchecked")
        private static PMap<Object, Object> cast(Object map) {
            return (PMap<Object, Object>) map;
        }

        @Override
        public Object get(Object map, Object key) {
            return cast(map).get(key);
        }

        @Override
        public Object with(Object map, Object key, Object value) {
            return cast(map).plus(key, value);
        }

        @Override
        public Object without(Object map, Object key) {
            return cast(map).minus(key);
        }

        @Override
        public void iterate(Object map, Blackhole blackhole) {
            consumeEntries(cast(map), blackhole);
        }

        @Override
        public void forEachEntry(Object map, Blackhole blackhole) {
            consumeByForEach(cast(map), blackhole);
        }
    }

    /** The mutable baseline: with and without change the one map, and the benchmark undoes each change. */
    final class MutableBaseline implements PeerMap {
        @Override
        public Object build(Object[] keys, Object[] values) {
            HashMap<Object, Object> map = HashMap.newHashMap(keys.length);
            for (int i = 0; i < keys.length; i++) {
                map.put(keys[i], values[i]);
            }
            return map;
        }

        @SuppressWarnings("unchecked")
        private static HashMap<Object, Object> cast(Object map) {
            return (HashMap<Object, Object>) map;
        }

        @Override
        public Object get(Object map, Object key) {
            return cast(map).get(key);
        }

        @Override
        public Object with(Object map, Object key, Object value) {
            cast(map).put(key, value);
            return map;
        }

        @Override
        public Object without(Object map, Object key) {
            cast(map).remove(key);
            return map;
        }

        @Override
        public void iterate(Object map, Blackhole blackhole) {
            consumeEntries(cast(map), blackhole);
        }

        @Override
        public void forEachEntry(Object map, Blackhole blackhole) {
            consumeByForEach(cast(map), blackhole);
        }
    }
}
