package cn.sciday.activity.web;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import cn.sciday.activity.Upload;

/** Multipart files as uploads; a file input left empty is no upload. */
final class Uploads {

    private Uploads() {
    }

    static Upload of(MultipartFile file) {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank()))) {
            return null;
        }
        return new Upload(file.getOriginalFilename(), file);
    }

    static List<Upload> of(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream().map(Uploads::of).filter(u -> u != null).toList();
    }
}
