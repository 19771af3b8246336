// A native closed-loop load client for bench/run's --client native: N threads, each with a UDP socket of its own
// connected to the target, each sending one request and blocking until its reply (or the timeout) before the next.
// Frames as the load client does (a RingLab request, payload 1,2,3, ids unique per thread), or with --raw the seed's
// bare 1,2,3. After the warm-up the counts start; after the window it prints one line of JSON with what the load
// client's /api/status gives (responses, timeouts, wrong replies, percentiles in ms) and exits.
//
//   udp-load <port> <threads> <warmup-seconds> <seconds> [--raw] [--timeout-ms N]   (target on 127.0.0.1)
//
// Built by bench/run with the system's C compiler (gcc -O2 -pthread).
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HEADER 12
#define SUB_BUCKETS 32 // a bucket per 1/32 of each power of two: percentiles within about 3%
#define BUCKETS (64 * SUB_BUCKETS)

struct worker {
    pthread_t thread;
    int index;
    uint64_t responses, timeouts, wrong;
    uint64_t max_nanos;
    uint32_t histogram[BUCKETS];
};

static int port, raw, timeout_ms = 3000;
static atomic_int measuring, stopping;

static uint64_t now_nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t) t.tv_sec * 1000000000u + (uint64_t) t.tv_nsec;
}

static int bucket(uint64_t nanos) {
    if (nanos < SUB_BUCKETS) return (int) nanos;
    int top = 63 - __builtin_clzll(nanos); // >= 5
    int sub = (int) (nanos >> (top - 5)) & (SUB_BUCKETS - 1);
    return (top - 4) * SUB_BUCKETS + sub;
}

static double bucket_nanos(int index) {
    if (index < SUB_BUCKETS) return index;
    int top = index / SUB_BUCKETS + 4;
    int sub = index % SUB_BUCKETS;
    return (double) ((uint64_t) (SUB_BUCKETS + sub) << (top - 5)) * (1 + 0.5 / SUB_BUCKETS);
}

static void write_id(unsigned char *p, uint64_t id) {
    for (int i = 7; i >= 0; i--) {
        p[i] = (unsigned char) id;
        id >>= 8;
    }
}

static uint64_t read_id(const unsigned char *p) {
    uint64_t id = 0;
    for (int i = 0; i < 8; i++) id = id << 8 | p[i];
    return id;
}

static void *run(void *argument) {
    struct worker *w = argument;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in target = {.sin_family = AF_INET, .sin_port = htons(port)};
    target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval timeout = {timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    if (fd < 0 || connect(fd, (struct sockaddr *) &target, sizeof target) != 0 ||
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout) != 0) {
        perror("udp-load: socket");
        exit(1);
    }
    unsigned char request[HEADER + 3] = {'R', 'L', 1, 'q'};
    memcpy(request + HEADER, (unsigned char[]) {1, 2, 3}, 3);
    unsigned char reply[2048];
    uint64_t id = (uint64_t) w->index << 40;
    while (!atomic_load_explicit(&stopping, memory_order_relaxed)) {
        id++;
        write_id(request + 4, id);
        uint64_t sent = now_nanos();
        if (raw) {
            send(fd, request + HEADER, 3, 0);
        } else {
            send(fd, request, sizeof request, 0);
        }
        int answered = 0;
        while (!answered) {
            ssize_t n = recv(fd, reply, sizeof reply, 0);
            if (n < 0) {
                if (errno == EINTR) continue;
                break; // timed out
            }
            // a late reply to an earlier request is not this one's answer: wait on
            answered = raw || (n >= HEADER && reply[3] == 'a' && read_id(reply + 4) == id);
            if (!answered && atomic_load_explicit(&measuring, memory_order_relaxed)) w->wrong++;
        }
        if (!atomic_load_explicit(&measuring, memory_order_relaxed)) continue;
        uint64_t took = now_nanos() - sent;
        if (answered) {
            w->responses++;
            w->histogram[bucket(took)]++;
            if (took > w->max_nanos) w->max_nanos = took;
        } else {
            w->timeouts++;
        }
    }
    close(fd);
    return NULL;
}

static double percentile(const uint64_t *histogram, uint64_t total, double fraction) {
    uint64_t wanted = (uint64_t) (fraction * (double) total + 0.5), seen = 0;
    if (wanted == 0) wanted = 1;
    for (int i = 0; i < BUCKETS; i++) {
        seen += histogram[i];
        if (seen >= wanted) return bucket_nanos(i) / 1e6;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: udp-load <port> <threads> <warmup-seconds> <seconds> [--raw] [--timeout-ms N]\n");
        return 2;
    }
    port = atoi(argv[1]);
    int threads = atoi(argv[2]);
    double warmup = atof(argv[3]), seconds = atof(argv[4]);
    for (int i = 5; i < argc; i++) {
        if (strcmp(argv[i], "--raw") == 0) raw = 1;
        else if (strcmp(argv[i], "--timeout-ms") == 0 && i + 1 < argc) timeout_ms = atoi(argv[++i]);
    }
    struct worker *workers = calloc(threads, sizeof *workers);
    for (int i = 0; i < threads; i++) {
        workers[i].index = i;
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setstacksize(&attributes, 64 * 1024);
        pthread_create(&workers[i].thread, &attributes, run, &workers[i]);
    }
    usleep((useconds_t) (warmup * 1e6));
    atomic_store(&measuring, 1);
    uint64_t start = now_nanos();
    usleep((useconds_t) (seconds * 1e6));
    atomic_store(&measuring, 0);
    double measured = (now_nanos() - start) / 1e9;
    // the load goes on a second, uncounted, so that whoever reads this process's CPU at the window's end finds it
    usleep(1000000);
    atomic_store(&stopping, 1);
    for (int i = 0; i < threads; i++) pthread_join(workers[i].thread, NULL);
    static uint64_t histogram[BUCKETS];
    uint64_t responses = 0, timeouts = 0, wrong = 0, max = 0;
    for (int i = 0; i < threads; i++) {
        responses += workers[i].responses;
        timeouts += workers[i].timeouts;
        wrong += workers[i].wrong;
        if (workers[i].max_nanos > max) max = workers[i].max_nanos;
        for (int b = 0; b < BUCKETS; b++) histogram[b] += workers[i].histogram[b];
    }
    printf("{\"responses\":%llu,\"timeouts\":%llu,\"wrongReplies\":%llu,\"seconds\":%.3f,\"p50Ms\":%.4f,"
           "\"p99Ms\":%.4f,\"p999Ms\":%.4f,\"maxMs\":%.4f}\n",
           (unsigned long long) responses, (unsigned long long) timeouts, (unsigned long long) wrong, measured,
           percentile(histogram, responses, 0.50), percentile(histogram, responses, 0.99),
           percentile(histogram, responses, 0.999), max / 1e6);
    return 0;
}
