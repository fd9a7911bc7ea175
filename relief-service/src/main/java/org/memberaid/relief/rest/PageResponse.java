package org.memberaid.relief.rest;

import java.util.List;

/** A page of a list, as every list of the API is returned. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
