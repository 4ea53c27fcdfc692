-- Neovim's own LSP client (Debian's neovim 0.7) against stacklint-lsp: open a fixture meta.yml,
-- wait for the diagnostics, check them, hover a tag. Run by tests/nvim/nvim.test.mjs:
--   STACKLINT_LSP=js/lsp/bin.mjs STACKLINT_ROOT=<copy of tests/lsp/repo> STACKLINT_OUT=<file> \
--     nvim --headless -u NONE -i NONE -n -c 'luafile tests/nvim/diagnostics.lua'
local server = os.getenv('STACKLINT_LSP')
local root = os.getenv('STACKLINT_ROOT')
local out = os.getenv('STACKLINT_OUT')
local report = {}

local function finish(ok, why)
  if not ok then table.insert(report, 'FAIL ' .. why) end
  vim.fn.writefile(report, out)
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

local function expect(ok, why)
  if not ok then finish(false, why) error(why) end
end

local client = vim.lsp.start_client({
  name = 'stacklint',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'repo' } },
  on_exit = function(code) table.insert(report, 'exit ' .. code) end,
})
expect(client ~= nil, 'the client did not start')

vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/AI/pytorch/meta.yml'))
vim.lsp.buf_attach_client(0, client)

local arrived = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
expect(arrived, 'no diagnostics within 30 s')
local diagnostics = vim.diagnostic.get(0)
table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
local codes = {}
for _, d in ipairs(diagnostics) do
  table.insert(codes, d.code)
  -- Neovim keeps byte columns: the server's UTF-16 positions converted by Neovim itself.
  table.insert(report, string.format('%s %d:%d-%d:%d severity=%d source=%s', d.code, d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.source))
end
expect(table.concat(codes, ',') == 'P001,T002,T001,P006', 'codes are ' .. table.concat(codes, ','))
local t001 = diagnostics[3]
-- `'2.4.0-cann8.0.RC1-oe2403lts😀'`: the emoji is bytes 28 to 32 of line 6.
expect(t001.lnum == 5 and t001.col == 28 and t001.end_col == 32, 'T001 is not on the emoji')
expect(diagnostics[1].severity == vim.diagnostic.severity.ERROR, 'P001 is not an error')
expect(diagnostics[1].message:find('help: ', 1, true) ~= nil, 'P001 has no help')

local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 1, character = 3 } }
local answers = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 10000)
local hover = answers and answers[client] and answers[client].result
expect(hover ~= nil, 'no hover on the tag')
expect(hover.contents.value:find('Implies the parent `openeuler/cann:8.0.RC1-oe2403lts`', 1, true) ~= nil, 'the hover names no parent')
table.insert(report, 'hover ok')

vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
finish(true)
