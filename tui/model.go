// Package tui is coach's terminal interface: a root model that owns the
// window size and the global keys and hands everything else to the screen
// on top of its stack. Each screen lives in its own package.
package tui

import (
	"context"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/home"
)

// OpenStore opens the user's database; the root runs it in a command so the
// first frame never waits for the disk.
type OpenStore func(context.Context) (*store.Store, error)

// LoadBank loads the question bank, the user's banks included; like the
// store it runs in a command after the first frame.
type LoadBank func() (*questions.Bank, error)

// Model is the root model.
type Model struct {
	common   common.Common
	keys     common.GlobalKeys
	help     help.Model
	stack    []common.Screen
	openDB   OpenStore
	loadBank LoadBank
	ready    bool // a window size has arrived
	loading  bool // the database and bank loads have started
	fullHelp bool

	// err is a fatal error to report after the program exits.
	err error
	// crash is set when a screen panicked; the app shows it and quits.
	crash *Crash
}

// Options configure a root model.
type Options struct {
	Info     common.Info
	Theme    common.Theme
	Markdown *common.Markdown
	OpenDB   OpenStore
	LoadBank LoadBank
	// LLM is the optional model; its Consent is read from the database
	// when it opens.
	LLM common.LLM
	// Speech is the recorder and the transcription endpoint.
	Speech common.Speech
}

// New builds the root model with the home screen on its stack.
func New(o Options) *Model {
	styles := common.NewStyles(o.Theme)
	h := help.New()
	h.Styles.ShortKey = styles.Key
	h.Styles.FullKey = styles.Key
	h.Styles.ShortDesc = styles.Muted
	h.Styles.FullDesc = styles.Muted
	h.Styles.ShortSeparator = styles.Faint
	h.Styles.FullSeparator = styles.Faint
	h.Styles.Ellipsis = styles.Faint
	c := common.Common{
		Styles:   styles,
		Markdown: o.Markdown,
		App:      &common.App{Info: o.Info, LLM: o.LLM, Speech: o.Speech},
	}
	m := &Model{common: c, keys: common.DefaultGlobalKeys(), help: h, openDB: o.OpenDB, loadBank: o.LoadBank}
	m.stack = []common.Screen{home.New(c, menu())}
	return m
}

// Err is the fatal error that ended the program, if any.
func (m *Model) Err() error { return m.err }

// Crashed reports the panic that ended the program, if any.
func (m *Model) Crashed() *Crash { return m.crash }

// Store is the database once it has opened.
func (m *Model) Store() *store.Store { return m.common.App.Store }

func (m *Model) active() common.Screen { return m.stack[len(m.stack)-1] }

// Draft is the answer in progress on any open screen, for saving when the
// program is stopped.
func (m *Model) Draft() (store.Draft, bool) {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if k, ok := m.stack[i].(common.DraftKeeper); ok {
			if d, ok := k.Draft(); ok {
				return d, true
			}
		}
	}
	return store.Draft{}, false
}

type storeOpenedMsg struct {
	store     *store.Store
	consented []store.Data // what the user agreed earlier to send to the LLM's endpoint
	err       error
}

type bankLoadedMsg struct {
	bank *questions.Bank
	err  error
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd {
	return m.guard(m.active().Init())
}

// startLoading opens the database and loads the bank in commands. It runs
// on the first window size, once the first frame is laid out, so the
// parsing and the migration never compete with it for the CPU.
func (m *Model) startLoading() tea.Cmd {
	var cmds []tea.Cmd
	if m.openDB != nil {
		open := m.openDB
		var endpoint string
		if c := m.common.App.LLM.Client; c != nil {
			endpoint = c.Endpoint()
		}
		cmds = append(cmds, func() tea.Msg {
			ctx := context.Background()
			s, err := open(ctx)
			if err != nil {
				return storeOpenedMsg{err: err}
			}
			msg := storeOpenedMsg{store: s}
			if endpoint != "" {
				for _, d := range []store.Data{store.Answers, store.Documents} {
					// Unreadable counts as not asked: the question comes again.
					if ok, _ := s.LLMConsent(ctx, d, endpoint); ok {
						msg.consented = append(msg.consented, d)
					}
				}
			}
			return msg
		})
	}
	if m.loadBank != nil {
		load := m.loadBank
		cmds = append(cmds, func() tea.Msg {
			b, err := load()
			return bankLoadedMsg{bank: b, err: err}
		})
	}
	return tea.Batch(cmds...)
}
