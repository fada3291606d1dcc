package io.tether.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What the files of a TLS context looked like at one moment: per file its modification time,
 * size and identity (inode), or that it was missing. Follows symbolic links, so a replaced
 * link target (a Kubernetes secret volume) counts as a change. Immutable.
 */
record TlsFileStamps(List<String> stamps) {
    static TlsFileStamps of(List<Path> files) {
        List<String> out = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                out.add(file + "|" + a.lastModifiedTime().toInstant() + "|" + a.size() + "|" + a.fileKey());
            } catch (IOException e) {
                out.add(file + "|missing");
            }
        }
        return new TlsFileStamps(List.copyOf(out));
    }
}
