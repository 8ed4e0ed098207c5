// @stagebrug/config — explicit exports only.
export {}
