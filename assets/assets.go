// Package assets holds the files shipped inside the binary: the sample
// register that seeds a new database and `avtal demo`.
package assets

import (
	"embed"
	"io/fs"
	"path"

	"avtal/model"
	"avtal/model/yamlreg"
)

// registerFS holds one YAML file per agreement, named <id>.yaml, in the
// format `avtal import` reads.
//
//go:embed register/*.yaml
var registerFS embed.FS

// File is one agreement file of the sample register, named as
// "centuri-saas.yaml".
type File = yamlreg.File

// Register returns the files of the sample register in name order.
func Register() ([]File, error) {
	names, err := fs.Glob(registerFS, "register/*.yaml")
	if err != nil {
		return nil, err
	}
	files := make([]File, 0, len(names))
	for _, n := range names {
		data, err := registerFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: path.Base(n), Data: data})
	}
	return files, nil
}

// Agreements decodes the sample register, in file-name order. Any file that
// does not decode is an error naming the file and line, so a broken sample
// never seeds a database halfway.
func Agreements() ([]*model.Agreement, error) {
	files, err := Register()
	if err != nil {
		return nil, err
	}
	return yamlreg.DecodeAll(files)
}
