package yamlreg

import (
	"runtime"
	"sync"

	"avtal/model"
)

// File is one agreement's YAML and the name errors give it.
type File struct {
	Name string
	Data []byte
}

// DecodeAll decodes files on every core, into agreements in the files'
// order. The error, if any, is that of the first bad file in that order,
// and then no agreement is returned.
func DecodeAll(files []File) ([]*model.Agreement, error) {
	out := make([]*model.Agreement, len(files))
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := range next {
				out[i], errs[i] = Decode(files[i].Name, files[i].Data)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
