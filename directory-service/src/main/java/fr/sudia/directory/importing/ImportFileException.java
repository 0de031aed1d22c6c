package fr.sudia.directory.importing;

import jakarta.ws.rs.BadRequestException;

/** The file as a whole cannot be imported (empty, not CSV/JSON, no usable header...): a 400, nothing stored. */
class ImportFileException extends BadRequestException {

    ImportFileException(String message) {
        super(message);
    }
}
