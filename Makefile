# Thin front for those who type make; the scripts do the work.
.PHONY: all test clean

all:
	scripts/setup

test:
	scripts/test

clean:
	rm -rf build
