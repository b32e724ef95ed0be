package cli

import (
	"errors"
	"io"
	"os"

	"avtal/ui/i18n"
)

// maxYAML is the largest YAML file import reads. A register file holds one
// agreement: the longest, with every clause written out, is well under a
// megabyte, while decoding 50 MB of YAML takes twenty seconds and a
// gigabyte of memory.
const maxYAML = 8 << 20

// readYAML reads a register file, refusing a folder and a file larger than
// maxYAML before reading it into memory.
func readYAML(lang i18n.Lang, path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxYAML+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxYAML {
		return nil, errors.New(lang.T("cli.yaml_too_large", path, maxYAML>>20))
	}
	return data, nil
}
