/* Makes chosen file-system calls of a process fail, so that tests can show
 * what inovasi does on a full disk or a failing device without a hook in the
 * product. Preload it (LD_PRELOAD=.../libfail_writes.so) and steer it with:
 *
 *   INOVASI_FAIL_OP     the call to fail: open (any open), create (an open
 *                       with O_CREAT), write, close, syncfs, fsync or rename
 *   INOVASI_FAIL_ERRNO  the error it returns: a name (ENOSPC, EIO, EDQUOT,
 *                       EROFS, EACCES, EFBIG) or a number; default ENOSPC
 *   INOVASI_FAIL_AT     the first call that fails, counting from 1; it and
 *                       every later one fail, as on a disk that stays full;
 *                       default 1
 *   INOVASI_FAIL_AFTER_BYTES  for write: writes succeed until this many bytes
 *                       were written in all (the one that crosses it is cut
 *                       short), then fail; replaces INOVASI_FAIL_AT
 *   INOVASI_FAIL_UNDER  an absolute folder: only calls on paths inside it
 *                       count and fail (write, close, syncfs and fsync: on a
 *                       descriptor opened on such a path, for writing for
 *                       write and close); default every path
 *
 *   INOVASI_PAUSE_SYNCFS  a file path: the first syncfs (the flush a commit
 *                       makes once its new contents are written, before the
 *                       first rename) creates that file, then waits until it
 *                       is removed (at most 10 s). A test can then change a
 *                       file in that very moment, as an editor saving it would.
 *   INOVASI_PAUSE_SYNCFS_AT  which syncfs pauses instead, counting from 1: the
 *                       second is a journaled commit's flush of its journal,
 *                       after the commit's last look and before its renames
 *
 * Without INOVASI_FAIL_OP every call passes through untouched. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

enum op { OP_NONE, OP_OPEN, OP_CREATE, OP_WRITE, OP_CLOSE, OP_SYNCFS, OP_FSYNC, OP_RENAME };

static enum op fail_op = OP_NONE;
static int fail_errno = ENOSPC;
static long fail_at = 1;
static long long after_bytes = -1;
static char under[PATH_MAX];
static size_t under_length;

static long calls;              /* matching calls of fail_op so far */
static long long bytes_written; /* by matching writes */

/* Descriptors opened on paths inside INOVASI_FAIL_UNDER. */
#define TRACKED_MAX 65536
static unsigned char tracked[TRACKED_MAX];

static void die(const char* what, const char* value) {
  fprintf(stderr, "fail_writes: %s '%s'\n", what, value ? value : "");
  _exit(99);
}

static int parse_errno(const char* text) {
  static const struct {
    const char* name;
    int value;
  } names[] = {{"ENOSPC", ENOSPC}, {"EIO", EIO},       {"EDQUOT", EDQUOT},
               {"EROFS", EROFS},   {"EACCES", EACCES}, {"EFBIG", EFBIG}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i)
    if (strcmp(text, names[i].name) == 0) return names[i].value;
  char* end = NULL;
  long value = strtol(text, &end, 10);
  if (*text == '\0' || *end != '\0' || value <= 0) die("unknown INOVASI_FAIL_ERRNO", text);
  return (int)value;
}

__attribute__((constructor)) static void configure(void) {
  const char* op = getenv("INOVASI_FAIL_OP");
  if (!op || !*op) return;
  static const char* ops[] = {"", "open", "create", "write", "close", "syncfs", "fsync", "rename"};
  for (int i = 1; i < (int)(sizeof ops / sizeof ops[0]); ++i)
    if (strcmp(op, ops[i]) == 0) fail_op = (enum op)i;
  if (fail_op == OP_NONE) die("unknown INOVASI_FAIL_OP", op);
  const char* error = getenv("INOVASI_FAIL_ERRNO");
  if (error && *error) fail_errno = parse_errno(error);
  const char* at = getenv("INOVASI_FAIL_AT");
  if (at && *at) {
    char* end = NULL;
    fail_at = strtol(at, &end, 10);
    if (*end != '\0' || fail_at < 1) die("INOVASI_FAIL_AT is not a count from 1:", at);
  }
  const char* bytes = getenv("INOVASI_FAIL_AFTER_BYTES");
  if (bytes && *bytes) {
    char* end = NULL;
    after_bytes = strtoll(bytes, &end, 10);
    if (*end != '\0' || after_bytes < 0) die("INOVASI_FAIL_AFTER_BYTES is not a size:", bytes);
  }
  const char* folder = getenv("INOVASI_FAIL_UNDER");
  if (folder && *folder) {
    if (folder[0] != '/' || strlen(folder) >= sizeof under)
      die("INOVASI_FAIL_UNDER is not an absolute folder:", folder);
    strcpy(under, folder);
    under_length = strlen(under);
    while (under_length > 1 && under[under_length - 1] == '/') under[--under_length] = '\0';
  }
}

/* Removes "." and empty steps from an absolute path and undoes each ".."
 * with the step before it, in place, without looking at the disk. */
static void normalize(char* path) {
  char* out = path; /* the result so far, always starting with '/' */
  const char* in = path;
  while (*in) {
    while (*in == '/') ++in;
    const char* end = in;
    while (*end && *end != '/') ++end;
    size_t length = (size_t)(end - in);
    if (length == 0 || (length == 1 && in[0] == '.')) {
      /* nothing */
    } else if (length == 2 && in[0] == '.' && in[1] == '.') {
      while (out > path && *--out != '/') {
      }
    } else {
      *out++ = '/';
      memmove(out, in, length);
      out += length;
    }
    in = end;
  }
  if (out == path) *out++ = '/';
  *out = '\0';
}

/* Whether a path (relative to dirfd, or to the working directory) lies
 * inside INOVASI_FAIL_UNDER, compared as text once made absolute. */
static int inside(int dirfd, const char* path) {
  if (under_length == 0) return 1;
  char full[2 * PATH_MAX];
  if (path[0] == '/') {
    snprintf(full, sizeof full, "%s", path);
  } else {
    char base[PATH_MAX];
    if (dirfd == AT_FDCWD) {
      if (!getcwd(base, sizeof base)) return 0;
    } else {
      char link[64];
      snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
      ssize_t n = readlink(link, base, sizeof base - 1);
      if (n < 0) return 0;
      base[n] = '\0';
    }
    snprintf(full, sizeof full, "%s/%s", base, path);
  }
  normalize(full);
  if (strncmp(full, under, under_length) != 0) return 0;
  return full[under_length] == '\0' || full[under_length] == '/' || under_length == 1;
}

/* 0: not tracked, 1: opened for reading only, 2: opened for writing. */
static int tracked_as(int fd) {
  return fd >= 0 && fd < TRACKED_MAX ? tracked[fd] : 0;
}

static void track(int fd, int how) {
  if (fd >= 0 && fd < TRACKED_MAX) tracked[fd] = (unsigned char)how;
}

/* Counts a matching call of the failing kind; true when it must fail. */
static int due(void) {
  return ++calls >= fail_at;
}

/* Stores the next definition of a function (libc's) into *slot. ISO C has
 * no cast from void* to a function pointer: copy its bytes, as POSIX allows. */
static void find_real(void* slot, const char* name) {
  void* function = dlsym(RTLD_NEXT, name);
  if (!function) die("cannot find the real", name);
  memcpy(slot, &function, sizeof function);
}

static int open_common(int at, int dirfd, const char* path, int flags, mode_t mode) {
  int matching = path && inside(dirfd, path);
  if (matching && (fail_op == OP_OPEN || (fail_op == OP_CREATE && (flags & O_CREAT))) && due()) {
    errno = fail_errno;
    return -1;
  }
  int fd;
  if (!at) {
    static int (*real_open)(const char*, int, ...);
    if (!real_open) find_real(&real_open, "open");
    fd = real_open(path, flags, mode);
  } else {
    static int (*real_openat)(int, const char*, int, ...);
    if (!real_openat) find_real(&real_openat, "openat");
    fd = real_openat(dirfd, path, flags, mode);
  }
  if (fd >= 0) track(fd, !matching ? 0 : (flags & O_ACCMODE) == O_RDONLY ? 1 : 2);
  return fd;
}

static mode_t mode_of(int flags, va_list args) {
  return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(args, int) : 0;
}

int open(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  mode_t mode = mode_of(flags, args);
  va_end(args);
  return open_common(0, AT_FDCWD, path, flags, mode);
}

int open64(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  mode_t mode = mode_of(flags, args);
  va_end(args);
  return open_common(0, AT_FDCWD, path, flags, mode);
}

int openat(int dirfd, const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  mode_t mode = mode_of(flags, args);
  va_end(args);
  return open_common(1, dirfd, path, flags, mode);
}

int openat64(int dirfd, const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  mode_t mode = mode_of(flags, args);
  va_end(args);
  return open_common(1, dirfd, path, flags, mode);
}

ssize_t write(int fd, const void* data, size_t size) {
  static ssize_t (*real_write)(int, const void*, size_t);
  if (!real_write) find_real(&real_write, "write");
  if (fail_op != OP_WRITE || tracked_as(fd) != 2) return real_write(fd, data, size);
  if (after_bytes >= 0) {
    if (bytes_written >= after_bytes) {
      errno = fail_errno;
      return -1;
    }
    if (bytes_written + (long long)size > after_bytes) size = (size_t)(after_bytes - bytes_written);
    ssize_t n = real_write(fd, data, size);
    if (n > 0) bytes_written += n;
    return n;
  }
  if (due()) {
    errno = fail_errno;
    return -1;
  }
  return real_write(fd, data, size);
}

int close(int fd) {
  static int (*real_close)(int);
  if (!real_close) find_real(&real_close, "close");
  int writable = tracked_as(fd) == 2;
  track(fd, 0);
  int result = real_close(fd);
  /* Linux frees the descriptor even when close reports an error. */
  if (result == 0 && fail_op == OP_CLOSE && writable && due()) {
    errno = fail_errno;
    return -1;
  }
  return result;
}

static void pause_if_asked(void) {
  static long seen;
  const char* pause = getenv("INOVASI_PAUSE_SYNCFS");
  const char* at = getenv("INOVASI_PAUSE_SYNCFS_AT");
  if (!pause || !*pause || ++seen != (at && *at ? atol(at) : 1)) return;
  FILE* signal = fopen(pause, "w");
  if (!signal) die("cannot create", pause);
  fclose(signal);
  for (int waited = 0; waited < 10000 && access(pause, F_OK) == 0; ++waited) usleep(1000);
}

int syncfs(int fd) {
  static int (*real_syncfs)(int);
  if (!real_syncfs) find_real(&real_syncfs, "syncfs");
  pause_if_asked();
  if (fail_op == OP_SYNCFS && tracked_as(fd) && due()) {
    errno = fail_errno;
    return -1;
  }
  return real_syncfs(fd);
}

int fsync(int fd) {
  static int (*real_fsync)(int);
  if (!real_fsync) find_real(&real_fsync, "fsync");
  if (fail_op == OP_FSYNC && tracked_as(fd) && due()) {
    errno = fail_errno;
    return -1;
  }
  return real_fsync(fd);
}

int rename(const char* from, const char* to) {
  static int (*real_rename)(const char*, const char*);
  if (!real_rename) find_real(&real_rename, "rename");
  if (fail_op == OP_RENAME && (inside(AT_FDCWD, from) || inside(AT_FDCWD, to)) && due()) {
    errno = fail_errno;
    return -1;
  }
  return real_rename(from, to);
}
