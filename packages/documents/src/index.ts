// @stagebrug/documents — explicit exports only.
export {}
