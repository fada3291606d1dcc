/**
 * The soak test's driver ({@code tether-bench --soak}, run by {@code bench/soak.sh}): steady
 * connect / act / join / say / drop / restore churn on both protocols against a running server,
 * the server's live heap after a full GC sampled at intervals, and the verdict (heap flat,
 * no unexpected error). See docs/reliability.md, "Soak".
 */
package io.tether.bench.soak;
